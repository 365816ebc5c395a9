import { useCallback, useEffect, useRef, useState } from 'react';

export interface Toast {
  id: number;
  text: string;
  action?: { label: string; run(): void };
  tone?: 'info' | 'warn';
}

export type PushToast = (toast: Omit<Toast, 'id'>, timeoutMs?: number) => void;

/** Short-lived notices at the bottom of the window ("Link copied", "Deleted · Undo"). */
export function useToasts(): { toasts: Toast[]; push: PushToast; dismiss(id: number): void } {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setToasts((list) => list.filter((t) => t.id !== id));
  }, []);

  const push = useCallback<PushToast>(
    (toast, timeoutMs = toast.action ? 10_000 : 5_000) => {
      const id = nextId.current++;
      setToasts((list) => [...list.slice(-1), { ...toast, id }]);
      timers.current.set(
        id,
        setTimeout(() => dismiss(id), timeoutMs),
      );
    },
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((t) => clearTimeout(t));
  }, []);

  return { toasts, push, dismiss };
}
