// Remembers a preference for a year, so that a reload or a change of language keeps it.
export function remember(name, value) {
    document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=31536000; samesite=lax`;
}
