-- wrk script: the request the search page sends for each search (a page of
-- ten hits with two passages, six facets and the timeline), over a rotation
-- of queries, and p50/p95/p99 latency and errors at the end.
-- Run by benches/serve/run.sh.

local queries = {
  "الحزب", "وزير", "مجلس الوزراء", "الامير", "السعودية", "اجتماع",
  "\"مجلس الشورى\"", "رئيس الوزراء", "التعليم", "امين عام", "قرار",
  "الرياض", "الاقتصاد", "وزارة الصحة", "الملك", "مؤتمر", "الانتخابات",
  "البرلمان", "اللجنة", "المشاريع",
}

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local paths = {}
for i, q in ipairs(queries) do
  paths[i] = "/api/search?q=" .. encode(q) ..
    "&limit=10&offset=0&snippets=2&facet=org&facet=branch&facet=person" ..
    "&facet=place&facet=kind&facet=year&timeline=1"
end

local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "requests %d in %.1f s (%.0f/s); latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1e3, latency:percentile(95) / 1e3,
    latency:percentile(99) / 1e3, latency.max / 1e3))
  io.write(string.format("errors: connect %d, read %d, write %d, status %d, timeout %d\n",
    e.connect, e.read, e.write, e.status, e.timeout))
end
