# Generates N valid rows of the statistics bureau's yearly list as CSV, deterministically (no randomness):
#   awk -v N=100000 -f bench/gen-list.awk > list.csv
# Credit codes are valid GB 32100-2015 codes 91371502MA + 7 digits + check character, all distinct (N <= 9999999).
BEGIN {
  if (N == "") N = 100000
  if (N < 1 || N > 9999999) { print "N must be 1..9999999" > "/dev/stderr"; exit 2 }
  A = "0123456789ABCDEFGHJKLMNPQRTUWXY"
  split("1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28", W, " ")
  nr = split("371502 371503 371521 371522 371524 371525 371526 371581 371571 371572 371573", R, " ")
  ni = split("C3311 C2614 C3891 C1331 C3670 C2929 C3484 C1713 C3130 C2710", IND, " ")
  nn = split("机械 化工 纺织 食品 轴承 钢管 新材料 电子 汽车配件 医药", KIND, " ")
  prefix = "91371502MA"
  psum = 0
  for (i = 1; i <= 10; i++) psum += (index(A, substr(prefix, i, 1)) - 1) * W[i]
  print "creditCode,name,regionCode,industryCode,year,employees,revenue,aboveDesignatedSize,keyEnterprise,keyIndustry"
  for (k = 1; k <= N; k++) {
    d = sprintf("%07d", k)
    s = psum
    for (j = 1; j <= 7; j++) s += substr(d, j, 1) * W[10 + j]
    c = 31 - s % 31
    if (c == 31) c = 0
    code = prefix d substr(A, c + 1, 1)
    employees = 20 + (k * 7919) % 1480
    # yuan with fen: 3,000,000 .. 503,000,000
    revenue = 3000000 + (k * 104729) % 500000000
    fen = (k * 37) % 100
    above = revenue >= 20000000 ? "true" : "false"
    printf "%s,聊城%s%s有限公司%d,%s,%s,2024,%d,%d.%02d,%s,%s,%s\n", \
      code, KIND[k % nn + 1], (k % 2 ? "股份" : ""), k, R[(k - 1) % nr + 1], IND[k % ni + 1], \
      employees, revenue, fen, above, (k % 10 == 0 ? "true" : "false"), (k % 3 == 0 ? "true" : "false")
  }
}
