-- wrk script: GET /api/ask with the next question of the mix each time (not one cached URL).
local questions = {}
for line in io.lines(os.getenv("STRIDE_QUESTIONS")) do
  if #line > 0 then questions[#questions + 1] = line end
end

local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local i = math.random(#questions)
request = function()
  i = i % #questions + 1
  return wrk.format("GET", "/api/ask?q=" .. encode(questions[i]))
end
