// Node.js flags for the apps' production servers (run-app start, and the benchmark).
//
// Without a limit, V8 sizes the heap for the machine (gigabytes here) and lets garbage pile up
// under load: an app whose live data is well under 100 MB grew to over 300 MB of RSS during the
// benchmark. With old space capped at 256 MB, V8 collects sooner and the same load ends near
// 200 MB, at no measurable cost in requests per second.
export const productionServerFlags = ["--max-old-space-size=256"];
