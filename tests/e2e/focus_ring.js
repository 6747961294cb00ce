// Describes the focused element: is there a focus ring (outline of 2px or more, or a
// box-shadow), and the contrast of the outline against the background around it
// (WCAG 2.1 1.4.11 asks for at least 3:1).
() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const rgb = (color) => (color.match(/[\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const lin = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  let behind = [255, 255, 255];
  for (let node = el.parentElement; node; node = node.parentElement) {
    const [r, g, b, a = 1] = rgb(getComputedStyle(node).backgroundColor);
    if (a > 0) { behind = [r, g, b]; break; }
  }
  const hasOutline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const [l1, l2] = [luminance(rgb(style.outlineColor)), luminance(behind)].sort((x, y) => y - x);
  return {
    tag: el.tagName.toLowerCase(), id: el.id,
    text: (el.innerText || el.value || '').trim().slice(0, 60),
    visible: hasOutline || style.boxShadow !== 'none',
    contrast: hasOutline ? Math.round(((l1 + 0.05) / (l2 + 0.05)) * 100) / 100 : null,
    inViewport: el.getBoundingClientRect().bottom > 0,
  };
}
