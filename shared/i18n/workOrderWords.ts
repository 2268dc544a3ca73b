/**
 * The words of two refusals of a work order's steps, in both languages, part of the error catalogs
 * (errorWords.*.ts): a meter from stock that is installed elsewhere (named with the place it is
 * installed at, as far as this device knows it), and a step asked of an order of another kind
 * (the order, its kind and the step asked, each kind in plain words).
 */
export const workOrderWordsEn = {
  installedElsewhere: {
    atStop: 'Meter {{serial}} is already installed at {{address}} (usage point {{installedAt}}, stop {{stop}} of route {{route}}).',
    atPlace: 'Meter {{serial}} is already installed at {{address}} (usage point {{installedAt}}).',
    atUsagePoint: 'Meter {{serial}} is already installed at usage point {{installedAt}}.',
    advice: 'Choose another meter, or report the label mix-up to the office.',
  },
  kindMismatch:
    'This step records a “{{asked}}”, but work order {{workOrderId}} is a “{{kind}}”. Reload the work order and open its own step.',
  /** A work order's kind (shared/domain/workOrder.ts), as the sentence above fills it in. */
  workOrderKind: {
    install: 'meter installation',
    remove: 'meter removal',
    exchange: 'meter exchange',
    panCommission: 'home-area device commissioning',
    panDecommission: 'home-area device decommissioning',
  },
};

export const workOrderWordsDe: typeof workOrderWordsEn = {
  installedElsewhere: {
    atStop: 'Zähler {{serial}} ist schon eingebaut: {{address}} (Messstelle {{installedAt}}, Halt {{stop}} der Route {{route}}).',
    atPlace: 'Zähler {{serial}} ist schon eingebaut: {{address}} (Messstelle {{installedAt}}).',
    atUsagePoint: 'Zähler {{serial}} ist schon an der Messstelle {{installedAt}} eingebaut.',
    advice: 'Wählen Sie einen anderen Zähler oder melden Sie die Verwechslung dem Büro.',
  },
  kindMismatch:
    'Dieser Schritt erfasst einen Auftrag der Art „{{asked}}“, aber Auftrag {{workOrderId}} hat die Art „{{kind}}“. Laden Sie den Auftrag neu und öffnen Sie seinen eigenen Schritt.',
  workOrderKind: {
    install: 'Zählereinbau',
    remove: 'Zählerausbau',
    exchange: 'Zählerwechsel',
    panCommission: 'Inbetriebnahme eines Heimnetz-Geräts',
    panDecommission: 'Außerbetriebnahme eines Heimnetz-Geräts',
  },
};
