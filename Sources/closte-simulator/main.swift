// PLACEHOLDER: the Closte API simulator is built in the Closte client work.
print("closte-simulator: not built yet")
