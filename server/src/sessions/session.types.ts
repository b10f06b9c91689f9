export type SessionKind = 'STAFF' | 'PORTAL';
