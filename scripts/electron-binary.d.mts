export function electronPackageDir(): string | null;
export function electronVersion(): string | null;
export function electronBinaryStatus(): { path: string; reason: null } | { path: null; reason: string };
export function electronBinaryPath(): string | null;
