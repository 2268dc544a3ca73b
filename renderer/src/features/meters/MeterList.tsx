/**
 * The virtualised meter list (a route can hold 100k stops): only the rows in view are in
 * the DOM. It is one focusable listbox; arrow keys move, Enter opens, like a native list.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeterListItem } from '../../../../shared/contract/entities';
import { useNavStore } from '../../app/navStore';
import { HazardIcon } from './HazardIcon';

const statusMark = { unread: '', read: '✓', warning: '!', skipped: '⤼' } as const;

export interface MeterListHandle {
  focus(): void;
  openActive(): void;
}

const ROW_HEIGHT = 68;
const PAGE = 8;

export function MeterList({
  items,
  label,
  nextId = null,
  ref,
}: {
  items: readonly MeterListItem[];
  label: string;
  nextId?: string | null;
  ref: Ref<MeterListHandle>;
}) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const openId = useNavStore((s) => s.usagePointId);
  const openMeter = useNavStore((s) => s.openMeter);
  const [active, setActive] = useState(0);

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  // A new search result starts at its first row; the open meter (Next/Previous) stays in view.
  useEffect(() => setActive(0), [items]);
  useEffect(() => {
    const index = items.findIndex((m) => m.usagePointId === openId);
    if (index >= 0) {
      setActive(index);
      virtualizer.scrollToIndex(index, { align: 'auto' });
    }
  }, [openId, items, virtualizer]);

  const open = (index: number) => {
    const item = items[index];
    if (item) openMeter(item.usagePointId);
  };

  useImperativeHandle(ref, () => ({
    focus: () => scroller.current?.focus(),
    openActive: () => open(Math.min(active, items.length - 1)),
  }));

  const move = (to: number) => {
    if (items.length === 0) return;
    const index = Math.max(0, Math.min(items.length - 1, to));
    setActive(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + PAGE),
      PageUp: () => move(active - PAGE),
      Home: () => move(0),
      End: () => move(items.length - 1),
      Enter: () => open(active),
      ' ': () => open(active),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  const activeItem = items[active];
  return (
    <div
      ref={scroller}
      className="meter-list"
      role="listbox"
      tabIndex={0}
      aria-label={label}
      aria-activedescendant={activeItem ? `meter-row-${activeItem.usagePointId}` : undefined}
      data-testid="meter-list"
      data-count={items.length}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index];
          if (!item) return null;
          const classes = ['meter-row', row.index === active ? 'active' : '', item.usagePointId === openId ? 'open' : ''].join(' ');
          return (
            <div
              key={item.usagePointId}
              id={`meter-row-${item.usagePointId}`}
              role="option"
              aria-selected={item.usagePointId === openId}
              className={classes}
              data-testid="meter-row"
              data-usage-point-id={item.usagePointId}
              data-next={item.usagePointId === nextId ? 'true' : undefined}
              style={{ height: row.size, transform: `translateY(${row.start}px)` }}
              onClick={() => {
                setActive(row.index);
                open(row.index);
              }}
            >
              {/* The next stop's number is ringed, as on the map; its words for screen readers and on hover. */}
              <span
                className={item.usagePointId === nextId ? 'meter-seq meter-seq-next' : 'meter-seq'}
                title={item.usagePointId === nextId ? t('map.status.next') : undefined}
              >
                {item.sequence}
                {item.usagePointId === nextId && (
                  <span className="visually-hidden" data-testid="row-next">
                    {t('map.status.next')}
                  </span>
                )}
              </span>
              <span className="meter-main">
                <span className="meter-address">{item.address}</span>
                <span className="meter-ids">
                  {item.meterSerial} · {item.usagePointId}
                </span>
              </span>
              {item.hazards.length > 0 && (
                <span className="row-hazards" data-testid="row-hazards">
                  {item.hazards.map((h) => (
                    <HazardIcon key={h} hazard={h} label={t(`hazards.${h}`)} />
                  ))}
                </span>
              )}
              {item.readRequestedAt && (
                <span className="row-read-request" data-testid="row-read-request" title={t('sync.readRequestTitle')}>
                  {t('sync.readRequestBadge')}
                </span>
              )}
              {item.controlRequested && (
                <span className="row-read-request" data-testid="row-control-request" title={t('sync.controlRequestTitle')}>
                  {t('sync.controlRequestBadge')}
                </span>
              )}
              <span
                className={`read-mark status-${item.status}`}
                data-testid="read-mark"
                data-status={item.status}
                data-read-today={item.readToday}
                title={t(`status.${item.status}`)}
              >
                {item.status !== 'unread' && (
                  <>
                    <span className="mark-symbol" aria-hidden="true">
                      {statusMark[item.status]}
                    </span>
                    <span className="mark-text">{t(`status.${item.status}`)}</span>
                  </>
                )}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
