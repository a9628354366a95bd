/** Every text the videos draw: Noto Sans CJK for Chinese (Debian's fonts-noto-cjk), Noto Sans for the rest. */
export const FONT_STACK = '"Noto Sans CJK SC", "Noto Sans", sans-serif';
