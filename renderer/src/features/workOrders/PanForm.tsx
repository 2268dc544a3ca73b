/**
 * PAN commissioning (issue 8 §4): device type, EUI-64 and install code. The label is checked as
 * the installer types (pan.check), so a mistyped install code is caught before saving; the link
 * key is shown only when asked for.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/contract/api';
import { panDeviceTypeNames, type PanDeviceType } from '../../../../shared/domain/workOrder';
import { api } from '../../api/client';
import { useWorkOrderStore, type WorkOrderDetail } from './workOrderStore';
import { errorText } from '../../lib/errorText';
import type { ScannedCode } from '../../lib/barcodeDecoder';
import { parseInstallCodeLabel } from '../../../../shared/domain/installCodeLabel';
import { ScanButton } from '../scan/ScanButton';

export function PanForm({ detail }: { detail: WorkOrderDetail }) {
  const { t } = useTranslation();
  const [deviceType, setDeviceType] = useState<PanDeviceType>('inHomeDisplay');
  const [eui64, setEui64] = useState('');
  const [installCode, setInstallCode] = useState('');
  const [check, setCheck] = useState<MethodOutput<'pan.check'> | null>(null);
  const [linkKey, setLinkKey] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // What is wrong with the label, in the reader's words from each problem's code.
  const labelText =
    check?.valid === false ? check.problems.map((p) => t(`workOrders.pan.problem.${p.field}.${p.code}` as never, p)).join(' ') : null;

  useEffect(() => {
    setLinkKey(null);
    if (!eui64 || !installCode) return setCheck(null);
    let live = true;
    void api['pan.check']({ eui64, installCode }).then((r) => live && setCheck(r.ok ? r.value : null));
    return () => {
      live = false;
    };
  }, [eui64, installCode]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    // The label check already says what is wrong (below the fields): do not say it twice.
    if (check && !check.valid) return;
    const r = await api['workOrders.commissionPan']({ workOrderId: detail.id, deviceType, eui64, installCode });
    if (!r.ok) return setProblem(errorText(r.error));
    void useWorkOrderStore.getState().refresh();
  };
  // The label's values go into the typed fields, so pan.check tests them as it tests typed ones.
  const takeLabel = (code: ScannedCode) => {
    const label = parseInstallCodeLabel(code.text);
    if (!label) return t('scan.notLabel');
    setEui64(label.eui64);
    setInstallCode(label.installCode);
    return null;
  };
  const showKey = async () => {
    const r = await api['pan.linkKey']({ installCode });
    if (r.ok) setLinkKey(r.value.linkKey);
    else setProblem(errorText(r.error));
  };

  return (
    <form className="wo-wizard" data-testid="pan-form" onSubmit={(e) => void submit(e)}>
      <p>{t('workOrders.pan.meter', { meter: detail.currentMeter?.serial ?? '—' })}</p>
      <label className="wo-field">
        {t('workOrders.pan.deviceType')}
        <select
          data-testid="pan-type"
          value={deviceType}
          onChange={(e) => setDeviceType(panDeviceTypeNames.find((n) => n === e.target.value) ?? 'other')}
        >
          {panDeviceTypeNames.map((n) => (
            <option key={n} value={n}>
              {t(`workOrders.pan.types.${n}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="scan-row">
        <span className="muted">{t('scan.what.panLabel')}</span>
        <ScanButton testId="pan-label" what={t('scan.what.panLabel')} onScan={takeLabel} />
      </div>
      <label className="wo-field">
        {t('workOrders.pan.eui64')}
        <input data-testid="pan-eui64" required autoFocus spellCheck={false} value={eui64} onChange={(e) => setEui64(e.target.value)} />
      </label>
      <label className="wo-field">
        {t('workOrders.pan.installCode')}
        <input
          data-testid="pan-install-code"
          required
          spellCheck={false}
          autoComplete="off"
          value={installCode}
          onChange={(e) => setInstallCode(e.target.value)}
        />
      </label>
      {check && (
        <p role={check.valid ? 'status' : 'alert'} className={check.valid ? 'wo-ok' : 'wo-error'} data-testid="pan-check">
          {check.valid ? t('workOrders.pan.valid', { crc: check.crc }) : labelText}
        </p>
      )}
      {problem && problem !== labelText && (
        <p role="alert" className="wo-error" data-testid="pan-problem">
          {problem}
        </p>
      )}
      {linkKey && (
        <p className="wo-key" data-testid="pan-link-key">
          {t('workOrders.pan.linkKey')}: <code>{linkKey}</code>
        </p>
      )}
      <div className="wo-actions">
        <button type="button" className="button" data-testid="pan-show-key" disabled={!check?.valid} onClick={() => void showKey()}>
          {t('workOrders.pan.showKey')}
        </button>
        <button type="submit" className="button primary" data-testid="pan-commission">
          {t('workOrders.pan.commission')}
        </button>
      </div>
    </form>
  );
}
