// Small stroke icons (decorative: buttons carry their own labels).
const base = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const;
const stroke = {
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.4,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

export const LinkIcon = () => (
  <svg {...base}>
    <path
      {...stroke}
      d={
        'M6.6 9.4a2.6 2.6 0 0 0 3.7 0l2.2-2.2a2.6 2.6 0 0 0-3.7-3.7l-.9.9' + // one link of the chain
        'M9.4 6.6a2.6 2.6 0 0 0-3.7 0L3.5 8.8a2.6 2.6 0 0 0 3.7 3.7l.9-.9' // and the other
      }
    />
  </svg>
);
export const EditIcon = () => (
  <svg {...base}>
    <path {...stroke} d="M10.8 2.7a1.5 1.5 0 0 1 2.1 2.1L5.6 12.1l-2.9.8.8-2.9 7.3-7.3ZM9.6 3.9l2.5 2.5" />
  </svg>
);
export const TrashIcon = () => (
  <svg {...base}>
    <path {...stroke} d="M6 2h4m-7 2h10m-8.5 0 .6 9a1 1 0 0 0 1 .9h3.8a1 1 0 0 0 1-.9l.6-9M6.8 6.5v5M9.2 6.5v5" />
  </svg>
);
export const NoteIcon = () => (
  <svg {...base}>
    <path {...stroke} d="M3 3.5h10v7H8.5L5.5 13v-2.5H3z" />
  </svg>
);
export const TagIcon = () => (
  <svg {...base}>
    <path {...stroke} d="M2.5 8.3V3.2a.7.7 0 0 1 .7-.7h5.1l5.2 5.2a1 1 0 0 1 0 1.4l-3.9 3.9a1 1 0 0 1-1.4 0z" />
    <circle cx="5.5" cy="5.5" r="1" fill="currentColor" />
  </svg>
);
export const SearchIcon = () => (
  <svg {...base}>
    <circle cx="7" cy="7" r="4.6" {...stroke} />
    <path {...stroke} d="m10.5 10.5 3.4 3.4" />
  </svg>
);
export const ChevronUp = () => (
  <svg {...base}>
    <path {...stroke} d="m4 10 4-4 4 4" />
  </svg>
);
export const ChevronDown = () => (
  <svg {...base}>
    <path {...stroke} d="m4 6 4 4 4-4" />
  </svg>
);
export const HistoryIcon = () => (
  <svg {...base}>
    <path {...stroke} d="M2.8 8a5.2 5.2 0 1 0 1.6-3.8M2.6 2.6v2.6h2.6M8 5v3.2l2.2 1.4" />
  </svg>
);
export const PanelIcon = () => (
  <svg {...base}>
    <rect x="2" y="3" width="12" height="10" rx="1.5" {...stroke} />
    <path {...stroke} d="M10 3v10" />
  </svg>
);
export const FactIcon = () => (
  <svg {...base}>
    <path {...stroke} d="M3 4h10M3 8h6M3 12h4m4.5-2.5 1.5 1.5 2.5-3" />
  </svg>
);
