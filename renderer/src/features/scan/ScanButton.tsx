/**
 * "Scan" beside a field: opens the camera in a modal dialog and puts the first code it reads
 * into the field through the field's own onChange path, so a scanned value meets the same checks
 * as a typed one (issue 24 §1). Typing stays: the dialog only adds a way in.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScannedCode } from '../../lib/barcodeDecoder';
import { failureOf, openCamera, scanVideo, type ScanFailure } from './cameraScan';

/** After this long without a code the dialog suggests moving closer; the scan goes on. */
const HINT_AFTER_MS = 12_000;

interface Props {
  /** data-testid prefix: the button is `${testId}-scan`. */
  readonly testId: string;
  /** What is being scanned, for the dialog's title (already translated). */
  readonly what: string;
  /** Return a translated reason to refuse the code and keep scanning, or null to take it. */
  onScan(code: ScannedCode): string | null;
}

export function ScanButton({ testId, what, onScan }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button scan-button"
        data-testid={`${testId}-scan`}
        aria-label={t('scan.buttonFor', { what })}
        onClick={() => setOpen(true)}
      >
        {t('scan.button')}
      </button>
      {open && <ScanDialog what={what} onScan={onScan} onClose={() => setOpen(false)} />}
    </>
  );
}

function ScanDialog({ what, onScan, onClose }: { what: string; onScan: Props['onScan']; onClose(): void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const [failure, setFailure] = useState<ScanFailure | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [hint, setHint] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let loop: { stop(): void } | null = null;
    let live = true;
    const hintTimer = setTimeout(() => setHint(true), HINT_AFTER_MS);
    const found = (code: ScannedCode) => {
      const reason = onScan(code);
      if (reason === null) return onClose();
      setRefused(reason);
      // Keep looking: the next code in view may be the right one.
      if (video.current) loop = scanVideo(video.current, found, setFailure);
    };
    void openCamera()
      .then(async (s) => {
        stream = s;
        const el = video.current;
        if (!live || !el) return;
        el.srcObject = s;
        await el.play();
        loop = scanVideo(el, found, setFailure);
      })
      .catch((e: unknown) => live && setFailure(failureOf(e)));
    return () => {
      live = false;
      clearTimeout(hintTimer);
      loop?.stop();
      stream?.getTracks().forEach((track) => track.stop());
    };
    // onScan/onClose are the caller's current handlers; a new attempt restarts the camera.
  }, [attempt]);

  return (
    <dialog
      ref={dialog}
      className="modal scan-dialog"
      aria-labelledby="scan-title"
      data-testid="scan-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="dialog scan-body">
        <h2 id="scan-title" className="dialog-title">
          {t('scan.title', { what })}
        </h2>
        {failure ? (
          <p role="alert" className="wo-error" data-testid="scan-failure">
            {t(`scan.error.${failure}`)}
          </p>
        ) : (
          <>
            <video ref={video} className="scan-video" data-testid="scan-video" muted playsInline aria-label={t('scan.preview')} />
            <p role="status" data-testid="scan-status">
              {hint ? t('scan.notFound') : t('scan.pointAt')}
            </p>
          </>
        )}
        {refused && (
          <p role="alert" className="wo-error" data-testid="scan-refused">
            {refused}
          </p>
        )}
        <div className="wo-actions">
          {failure && (
            <button type="button" className="button" data-testid="scan-retry" onClick={() => (setFailure(null), setAttempt((n) => n + 1))}>
              {t('scan.retry')}
            </button>
          )}
          <button type="button" className="button" data-testid="scan-cancel" onClick={onClose}>
            {t('scan.cancel')}
          </button>
        </div>
      </div>
    </dialog>
  );
}
