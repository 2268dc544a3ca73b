/**
 * What a DLMS meter offers, from its association's object list (Blue Book §4.4.3), grouped as a
 * field crew thinks of it: registers, load profiles, clock, disconnect control, event logs, and
 * the rest; each object by its OBIS code with its interface class.
 */
import { useTranslation } from 'react-i18next';
import { groupObjects, type OfferedObject } from '../../../../shared/dlms/objectList';

export function DlmsObjects({ objects }: { objects: readonly OfferedObject[] }) {
  const { t } = useTranslation();
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
                <span className="code" title={t('optical.dlms.objects.class', { classId: o.classId, version: o.version })}>
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
