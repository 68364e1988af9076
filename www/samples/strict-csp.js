// Proves 'self' scripts run under the strict policy (tests check this text).
document.getElementById('script-ran').textContent = 'Page script ran.';
