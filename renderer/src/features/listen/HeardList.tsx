/**
 * The meters heard on a walk-by (issue 23): serial, address, how long ago, the values with their
 * register names and units, and Save. At 100 telegrams a second a refresh brings about a hundred
 * changed meters; each row is drawn again only when its meter's object changed (mergeListenState.ts),
 * and the "… ago" texts follow the store's one clock, each text made once per language and number
 * (bench/listenFrames.ts: rows re-rendered with a formatter call and translations each were most of
 * a refresh's long frame).
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { describeReadingType } from '../../../../shared/cim/readingType';
import type { ListenState } from '../../../../shared/contract/methods/listen';
import { errorText } from '../../lib/errorText';
import { useRegisterName } from '../../lib/registerName';
import { useListenStore } from './listenStore';
import { FIRST_ROWS_PER_FRAME, nextRowsPerFrame } from './rowsPerFrame';

type HeardMeter = ListenState['heard'][number];
type HeardValue = HeardMeter['values'][number];

interface RowWords {
  readonly save: string;
  readonly saved: string;
  readonly saveProblem: string;
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
/** "5 seconds ago", "vor 2 Minuten": a few dozen texts a session, each formatted once. */
const agoTexts = new Map<string, string>();

/** How long ago, said in seconds under a minute and in minutes after (seconds: negative, in the past). */
export function agoText(seconds: number, locale: string): string {
  const minutes = Math.abs(seconds) < 60 ? null : Math.round(seconds / 60);
  const key = `${locale} ${minutes === null ? `${seconds}s` : `${minutes}m`}`;
  let text = agoTexts.get(key);
  if (text === undefined) {
    let format = relativeFormats.get(locale);
    if (!format) relativeFormats.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
    text = minutes === null ? format.format(seconds, 'second') : format.format(minutes, 'minute');
    agoTexts.set(key, text);
  }
  return text;
}

/**
 * Whether the browser draws a row's content: each row has `content-visibility: auto` (optical.css), and the
 * browser says when it starts or stops skipping one (`contentvisibilityautostatechange`, CSS Containment 2):
 * of a route's hundreds of rows only those near the screen follow the clock every second. No second observer
 * of the rows is needed (an IntersectionObserver over 300 rows cost up to 11 ms a frame, bench/listenFrames.ts).
 * Where the browser does not say, every row counts as shown.
 */
function useContentShown(ref: RefObject<HTMLElement | null>): boolean {
  const [shown, setShown] = useState(true);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const changed = (event: Event) => setShown(!(event as Event & { skipped?: boolean }).skipped);
    element.addEventListener('contentvisibilityautostatechange', changed);
    return () => element.removeEventListener('contentvisibilityautostatechange', changed);
  }, [ref]);
  return shown;
}

/**
 * "… ago": on screen it follows the store's clock; off screen it is said again only when its meter is heard
 * anew (against the clock as it is then) and when it comes on screen.
 */
function HeardAgo({ heardAt, locale, onScreen }: { heardAt: string; locale: string; onScreen: boolean }) {
  const clock = useListenStore((s) => (onScreen ? s.now : 0));
  const now = onScreen ? clock : useListenStore.getState().now;
  const at = useMemo(() => Date.parse(heardAt), [heardAt]);
  return <span>{agoText(Math.round((at - now) / 1000), locale)}</span>;
}

/**
 * Rows new to the list join it a few a frame, as many as the frames measured leave room for
 * (rowsPerFrame.ts). At 100 telegrams a second a hundred meters are heard for the first time in each of
 * the first seconds; building all their rows in one task was the frame over 50 ms that remained
 * (bench/listenFrames.ts, loafTimes). Every row is in the list a few frames later, reachable by keyboard
 * and screen reader like any other.
 */
function useRowsJoiningByFrame(heard: readonly HeardMeter[]): readonly HeardMeter[] {
  const [joined, setJoined] = useState<ReadonlySet<string>>(() => new Set(heard.slice(0, FIRST_ROWS_PER_FRAME).map((h) => h.usagePointId)));
  const perFrame = useRef(FIRST_ROWS_PER_FRAME);
  // When the frame that asked for the last rows began: the next frame's start tells how long drawing them took.
  const lastFrameAt = useRef<number | null>(null);
  // The first meters heard show in the render that brings them, not a frame later in an empty box.
  const shown = useMemo(
    () => (joined.size === 0 ? new Set(heard.slice(0, FIRST_ROWS_PER_FRAME).map((h) => h.usagePointId)) : joined),
    [joined, heard],
  );
  const waiting = heard.some((h) => !shown.has(h.usagePointId));
  useEffect(() => {
    if (!waiting) {
      lastFrameAt.current = null;
      return;
    }
    const frame = requestAnimationFrame((at) => {
      if (lastFrameAt.current !== null) perFrame.current = nextRowsPerFrame(perFrame.current, at - lastFrameAt.current);
      lastFrameAt.current = at;
      const rows = perFrame.current;
      setJoined(() => {
        const next = new Set(shown);
        for (const h of heard) {
          if (next.size - shown.size >= rows) break;
          next.add(h.usagePointId);
        }
        return next;
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [waiting, shown, heard]);
  return waiting ? heard.filter((h) => shown.has(h.usagePointId)) : heard;
}

const reasonText = (reason: string) => errorText({ code: 'VALIDATION', details: { reason } });

const HeardRow = memo(function HeardRow(props: {
  heard: HeardMeter;
  locale: string;
  words: RowWords;
  valueText: (v: HeardValue) => string;
  onSave: (usagePointId: string) => void;
}) {
  const { heard: h, words } = props;
  const row = useRef<HTMLLIElement>(null);
  const onScreen = useContentShown(row);
  return (
    <li ref={row} data-testid="listen-heard-meter">
      <div>
        <strong>{h.meterSerial}</strong> {h.address} — <HeardAgo heardAt={h.heardAt} locale={props.locale} onScreen={onScreen} />
        <div data-testid="listen-heard-values">{h.reason ? reasonText(h.reason) : h.values.map(props.valueText).join(' · ')}</div>
        {h.saveProblem && <div>{words.saveProblem}</div>}
      </div>
      {h.readingSetId ? (
        <span>{words.saved}</span>
      ) : (
        h.values.length > 0 && (
          <button type="button" className="button" data-testid="listen-save" onClick={() => props.onSave(h.usagePointId)}>
            {words.save}
          </button>
        )
      )}
    </li>
  );
});

/**
 * Drawn again only when the heard meters change, not when the panel does for a setting or a message. It
 * scrolls in its own box (optical.css), so a route's hundreds of rows never push the meter list off the screen.
 * The panel shows it once a meter was heard, and has it from the start (its formatter is readied while it waits).
 */
export const HeardList = memo(function HeardList({ heard, labelledBy }: { heard: readonly HeardMeter[]; labelledBy: string }) {
  const { t, i18n } = useTranslation();
  const save = useListenStore((s) => s.save);
  const registerName = useRegisterName();
  const words = useMemo(() => ({ save: t('listen.save'), saved: t('listen.saved'), saveProblem: t('listen.saveProblem') }), [t]);
  // "Water volume 1234.567 m³": the register's name and unit from its ReadingType (IEC 61968-9), worked out
  // once per ReadingType and language, not for every heard meter on every refresh.
  const valueText = useMemo(() => {
    const namesAndUnits = new Map<string, readonly [string, string]>();
    return (v: HeardValue) => {
      let known = namesAndUnits.get(v.readingType);
      if (!known)
        namesAndUnits.set(v.readingType, (known = [registerName('', v.readingType), describeReadingType(v.readingType)?.unit ?? '']));
      return `${known[0]} ${v.value} ${known[1]}`.trim();
    };
  }, [registerName]);
  const onSave = useCallback((usagePointId: string) => void save(usagePointId), [save]);
  const rows = useRowsJoiningByFrame(heard);
  // The formatter's first use loads its locale data (tens of ms): done while the list waits for its first
  // meter, not in the frame that shows it.
  useEffect(() => {
    const warm = () => void agoText(0, i18n.language);
    if (typeof requestIdleCallback === 'undefined') return warm();
    const id = requestIdleCallback(warm);
    return () => cancelIdleCallback(id);
  }, [i18n.language]);
  return (
    // Focusable, so it scrolls by keyboard past the rows with no Save in them; named by its heading.
    <ul className="listen-heard" data-testid="listen-heard" tabIndex={0} aria-labelledby={labelledBy}>
      {rows.map((h) => (
        <HeardRow key={h.usagePointId} heard={h} locale={i18n.language} words={words} valueText={valueText} onSave={onSave} />
      ))}
    </ul>
  );
});
