// Stands in for an analytics vendor's tag: the collector serves it as /tag.js, and the page's tagged
// `<script type="text/plain" data-consent="analytics">` runs it once analytics is granted.
document.getElementById('tagged').textContent = 'ran once, after analytics was granted';
