extension String {
  /// The string without leading and trailing spaces, tabs and line breaks (`"\r\n"` is one
  /// `Character`, so it is named too).
  public var trimmingSpaces: String {
    func blank(_ character: Character) -> Bool {
      character == " " || character == "\t" || character == "\n" || character == "\r" || character == "\r\n"
    }
    var scalars = Substring(self)
    while let first = scalars.first, blank(first) { scalars = scalars.dropFirst() }
    while let last = scalars.last, blank(last) { scalars = scalars.dropLast() }
    return String(scalars)
  }
}
