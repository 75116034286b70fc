import KairanCore
print(Kairan.version)
