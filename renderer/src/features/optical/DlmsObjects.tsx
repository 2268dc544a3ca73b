/**
 * What a DLMS meter offers, from its association's object list (Blue Book §4.4.3), grouped as a
 * field crew thinks of it: registers, load profiles, clock, disconnect control, event logs, and
 * the rest; each object by its OBIS code with its interface class, named as DLMS UA 1000-1 names
 * it, in the user's language (shared/i18n/meterNames.*, the CLI's names too).
 */
import { useTranslation } from 'react-i18next';
import { groupObjects, type OfferedObject } from '../../../../shared/dlms/objectList';
import { knownName } from '../../../../shared/i18n/meterNames';
import { currentCatalog } from '../../i18n/catalog';

export function DlmsObjects({ objects }: { objects: readonly OfferedObject[] }) {
  const { t } = useTranslation();
  const words = currentCatalog().optical.dlms.objects;
  const classText = (o: OfferedObject) =>
    t('optical.dlms.objects.class', {
      name: knownName(words.className, o.classId) ?? words.classUnknown,
      classId: o.classId,
      version: o.version,
    });
  return (
    <div data-testid="dlms-objects-list">
      <p className="field-label">{t('optical.dlms.objects.title', { count: objects.length })}</p>
      <ul className="dlms-objects">
        {groupObjects(objects).map(({ group, objects: members }) => (
          <li key={group} data-testid="dlms-object-group" data-group={group}>
            {t(`optical.dlms.objects.${group}`, { count: members.length })}:{' '}
            {members.map((o, i) => (
              <span key={`${o.classId}/${o.obis}`}>
                {i > 0 ? ', ' : ''}
                <span className="code" title={classText(o)}>
                  {o.obis}
                </span>
              </span>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}
