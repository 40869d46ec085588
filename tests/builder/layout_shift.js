/* global window, PerformanceObserver */
/*
 * Layout shift as browsers measure it, for the builder's test and benchmark: registered before
 * the page's own scripts run, an observer keeps every layout shift (buffered, so shifts before
 * it was registered count too), and kbLayoutShift() gives the CLS: the largest sum of shifts
 * in a session window (shifts less than 1 s apart, at most 5 s).
 */
window.kbShifts = [];
new PerformanceObserver(function (list) {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.kbShifts.push([entry.startTime, entry.value]);
  }
}).observe({ type: "layout-shift", buffered: true });
window.kbLayoutShift = function () {
  let largest = 0, sum = 0, first = 0, last = 0;
  for (const [time, value] of window.kbShifts) {
    if (sum && time - last < 1000 && time - first < 5000) sum += value;
    else { sum = value; first = time; }
    last = time;
    largest = Math.max(largest, sum);
  }
  return largest;
};
