/**
 * A list a screen shows: fetched when it opens, and again whenever one of the watched topics
 * changes (a write on the Node side announces its topics; shared/contract/topics.ts). `fetchList`
 * and `topics` must keep their identity between renders (useCallback, a constant).
 */
import { useEffect, useState } from 'react';
import type { Result } from '../../../shared/contract/result';
import type { Topic } from '../../../shared/contract/topics';
import { onTopics } from '../api/client';

export function useListOnTopics<T>(fetchList: () => Promise<Result<T[]>>, topics: readonly Topic[]): T[] {
  const [list, setList] = useState<T[]>([]);
  useEffect(() => {
    const load = () => void fetchList().then((r) => r.ok && setList(r.value));
    load();
    return onTopics(topics, load);
  }, [fetchList, topics]);
  return list;
}
