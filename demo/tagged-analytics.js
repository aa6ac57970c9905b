// Stands in for an analytics tag: the gate runs it once analytics is granted. A file, not an inline
// script, because the demo's Content-Security-Policy allows scripts from its own origin only.
document.getElementById('tagged').textContent = 'ran once, after analytics was granted';
