/**
 * A text field with "Scan" beside it. The scanned text goes in through the same onChange as
 * typing; a list field (seals) gets the code appended. Typed entry always stays.
 */
import { ScanButton } from './ScanButton';
import type { ScannedCode } from '../../lib/barcodeDecoder';

interface Props {
  readonly label: string;
  readonly testId: string;
  readonly value: string;
  onChange(value: string): void;
  /** Translated name of what is scanned ("the meter serial"), for the dialog. */
  readonly what: string;
  readonly required?: boolean;
  /** Seal fields hold several numbers: a scan adds one instead of replacing the text. */
  readonly appendScans?: boolean;
  /** Runs after the scanned value is in the field, as the typed value's check would (e.g. the expected serial). */
  afterScan?(text: string): void;
}

export function ScanField({ label, testId, value, onChange, what, required = false, appendScans = false, afterScan }: Props) {
  const take = (code: ScannedCode) => {
    const text = code.text.trim();
    const next = appendScans && value.trim() ? `${value.trim()} ${text}` : text;
    onChange(next);
    afterScan?.(text);
    return null;
  };
  return (
    <div className="scan-row">
      <label className="wo-field">
        {label}
        <input data-testid={testId} required={required} spellCheck={false} value={value} onChange={(e) => onChange(e.target.value)} />
      </label>
      <ScanButton testId={testId} what={what} onScan={take} />
    </div>
  );
}
