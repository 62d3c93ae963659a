-- wrk script for the HTTP search benchmark: each request is the next query
-- of the set shared with bench/search_latency.cc (URL-encoded).
--   wrk -t2 -c8 -d20s --latency -s bench/wrk_search.lua http://127.0.0.1:8080
local queries = {
  "eau", "eau%20potable", "sant%C3%A9", "jeunesse", "coop%C3%A9ration",
  "Dakar", "assainissement", "culture", "%C3%A9nergie", "formation",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/v1/search?q=" .. queries[(i % #queries) + 1])
end
