// Remembers the reader's light/dark choice for the next page load (static pages included), for a year.
export function rememberTheme(theme) {
    document.cookie = `ac.theme=${encodeURIComponent(theme)}; path=/; max-age=31536000; samesite=lax`;
}
