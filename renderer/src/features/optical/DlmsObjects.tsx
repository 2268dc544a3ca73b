/**
 * What a DLMS meter offers, from its association's object list (Blue Book §4.4.3), grouped as a
 * field crew thinks of it: registers, load profiles, clock, disconnect control, event logs, and
 * the rest; each object by its OBIS code with its interface class beside it (small, in the row:
 * a tablet has no hover), named as DLMS UA 1000-1 names it, in the user's language
 * (shared/i18n/meterNames.*, the CLI's names too).
 */
import { useTranslation } from 'react-i18next';
import { groupObjects, type OfferedObject } from '../../../../shared/dlms/objectList';
import { knownName } from '../../../../shared/i18n/meterNames';
import { currentCatalog } from '../../i18n/catalog';

export function DlmsObjects({ objects }: { objects: readonly OfferedObject[] }) {
  const { t } = useTranslation();
  const words = currentCatalog().optical.dlms.objects;
  const className = (o: OfferedObject) => knownName(words.className, o.classId) ?? words.classUnknown;
  const classInRow = (o: OfferedObject) => {
    const name = knownName(words.className, o.classId);
    return name === null
      ? t('optical.dlms.objects.classInRowUnknown', { classId: o.classId })
      : t('optical.dlms.objects.classInRow', { name, classId: o.classId });
  };
  return (
    <div data-testid="dlms-objects-list">
      <p className="field-label">{t('optical.dlms.objects.title', { count: objects.length })}</p>
      <ul className="dlms-objects">
        {groupObjects(objects).map(({ group, objects: members }) => (
          <li key={group} data-testid="dlms-object-group" data-group={group}>
            {t(`optical.dlms.objects.${group}`, { count: members.length })}:{' '}
            <ul className="dlms-object-members">
              {members.map((o) => (
                // The class is said in the row, not only in a hover title: a gloved finger on a tablet cannot hover.
                <li
                  key={`${o.classId}/${o.obis}`}
                  data-obis={o.obis}
                  title={t('optical.dlms.objects.class', { name: className(o), classId: o.classId, version: o.version })}
                >
                  <span className="code">{o.obis}</span>{' '}
                  <small className="muted" data-testid="dlms-object-class">
                    {classInRow(o)}
                  </small>{' '}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
