import { useCallback, useRef, useState } from 'react';
import type { BannerMessage } from '../components/ErrorBanner';

/** Errors worth the banner at the top of the window: at most four, each once. */
export function useBanners() {
  const [messages, setMessages] = useState<BannerMessage[]>([]);
  const nextId = useRef(1);
  const push = useCallback((text: string) => {
    setMessages((list) =>
      list.some((m) => m.text === text) ? list : [...list.slice(-3), { id: nextId.current++, text }],
    );
  }, []);
  const dismiss = useCallback((id: number) => setMessages((list) => list.filter((m) => m.id !== id)), []);
  return { messages, push, dismiss };
}
