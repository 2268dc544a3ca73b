/**
 * The box a customer signs in (issue 24 §2), through signature_pad: pointer events, so a finger, a
 * gloved finger, a stylus and a mouse all draw. The canvas is sized to its box in device pixels
 * (at most 2×), so the line stays sharp and the PNG small; Clear starts again.
 */
import { useEffect, useRef, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import SignaturePadLib from 'signature_pad';

export interface SignatureHandle {
  isEmpty(): boolean;
  /** The drawing as PNG, base64 without the data: prefix. */
  pngBase64(): string;
  clear(): void;
}

export function SignaturePad({
  handle,
  onChange,
}: {
  handle: MutableRefObject<SignatureHandle | null>;
  onChange: (empty: boolean) => void;
}) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const pad = new SignaturePadLib(element, { penColor: '#10243e', backgroundColor: 'rgb(255,255,255)', minWidth: 1, maxWidth: 3 });
    const fit = () => {
      const ratio = Math.min(Math.max(window.devicePixelRatio || 1, 1), 2);
      element.width = Math.round(element.offsetWidth * ratio);
      element.height = Math.round(element.offsetHeight * ratio);
      element.getContext('2d')?.scale(ratio, ratio);
      pad.clear(); // a resized canvas loses its drawing: say so rather than keep a distorted one
      onChange(true);
    };
    fit();
    const ended = () => onChange(pad.isEmpty());
    pad.addEventListener('endStroke', ended);
    window.addEventListener('resize', fit);
    handle.current = {
      isEmpty: () => pad.isEmpty(),
      pngBase64: () => pad.toDataURL('image/png').replace(/^data:image\/png;base64,/, ''),
      clear: () => {
        pad.clear();
        onChange(true);
      },
    };
    return () => {
      window.removeEventListener('resize', fit);
      pad.removeEventListener('endStroke', ended);
      pad.off();
      handle.current = null;
    };
  }, [handle, onChange]);
  return (
    <>
      <canvas ref={canvas} className="ev-pad" role="img" aria-label={t('evidence.pad')} data-testid="signature-pad" />
      <p className="ev-hint">{t('evidence.padHint')}</p>
      <div className="wo-actions">
        <button type="button" className="button" data-testid="signature-clear" onClick={() => handle.current?.clear()}>
          {t('evidence.clear')}
        </button>
      </div>
    </>
  );
}
