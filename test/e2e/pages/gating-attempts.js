// What analytics code does on a page: every way of sending a request, fired at once on load.
const stats = 'https://stats.example.com';
const log = (window.attempts = []);

navigator.sendBeacon(`${stats}/collect?n=1`, 'one');
navigator.sendBeacon(`${stats}/collect?n=2`, 'two');
fetch(`${stats}/collect?n=fetch`, { method: 'POST', body: 'three' }).then(
  () => log.push('fetch:ok'),
  () => log.push('fetch:failed'),
);
const xhr = new XMLHttpRequest();
xhr.open('POST', `${stats}/collect?n=xhr`);
xhr.onload = () => log.push('xhr:load');
xhr.onerror = () => log.push('xhr:error');
xhr.send('four');
new Image().src = `${stats}/collect?n=image`;
const script = document.createElement('script');
script.src = `${stats}/injected.js`;
document.head.append(script);
const frame = document.createElement('iframe');
frame.setAttribute('src', `${stats}/frame.html?from=injected`);
document.body.append(frame);
navigator.sendBeacon(`${stats}/collect?n=3`, 'five');
// A pixel written as markup.
const pixels = document.createElement('div');
document.body.append(pixels);
pixels.innerHTML = `<img src="${stats}/collect?n=markup" alt="" width="1" height="1">`;
// A blank iframe's own fetch is no way around the gate.
const blank = document.createElement('iframe');
document.body.append(blank);
blank.contentWindow.fetch(`${stats}/collect?n=frame`).then(
  () => log.push('frame:ok'),
  () => log.push('frame:failed'),
);
// Tagged elements added later by a script are held like those in the HTML.
const lateScript = document.createElement('script');
lateScript.type = 'text/plain';
lateScript.dataset.consent = 'analytics';
lateScript.text = "(window.ran = window.ran || []).push('added-later');";
document.body.append(lateScript);
const lateImage = document.createElement('img');
lateImage.dataset.consent = 'analytics';
lateImage.dataset.src = `${stats}/pixel.gif?from=added-later`;
document.body.append(lateImage);
// A host no category lists: never touched.
fetch('https://cdn.unlisted.test/lib.js').then(
  () => log.push('unlisted:ok'),
  () => log.push('unlisted:failed'),
);
// Analytics that waits before its next ping.
setTimeout(() => log.push(`late:${navigator.sendBeacon(`${stats}/collect?n=late`, 'six')}`), 5000);
