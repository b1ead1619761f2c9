import Values

/// WP-CLI's `table` format (php-cli-tools' `cli\Table`), in its two renderers: the boxed ASCII table
/// drawn on a terminal (or with `SHELL_PIPE=0`), and the tab-separated rows written to a pipe.
package enum TableFormat {
  /// The boxed table: `+---+` borders, columns padded by display width, a value with a line break
  /// (or wider than the terminal allows) continued on extra lines of the same row, its empty lines left out.
  package static func boxed(header: [String], rows: [[String]], terminalColumns: Int) -> String {
    var widths = header.map(DisplayWidth.of)
    for row in rows {
      for (column, cell) in row.enumerated() where column < widths.count {
        widths[column] = max(widths[column], DisplayWidth.of(cell))
      }
    }
    widths = constrained(widths, terminalColumns: terminalColumns)
    let border = "+" + widths.map { String(repeating: "-", count: $0 + 2) + "+" }.joined()
    var lines = [border, boxedRow(header, widths: widths), border]
    for row in rows { lines.append(boxedRow(row, widths: widths)) }
    lines.append(border)
    return lines.map { $0 + "\n" }.joined()
  }

  /// The piped table: a header row and one tab-separated row per item, a tab inside a value written
  /// as four spaces. As in WP-CLI, only the first line of a multi-line value is kept (the rest of the
  /// last column's lines become extra rows), and the whole block is trimmed at both ends.
  package static func piped(header: [String], rows: [[String]]) -> String {
    var out = ""
    for row in [header] + rows { out += pipedRow(row) + "\n" }
    return out
  }

  private static func pipedRow(_ row: [String]) -> String {
    var first: [String] = []
    var rest: [String] = []
    for cell in row {
      let lines = splitLines(cell.replacingAll("\t", with: "    "))
      first.append(lines.first ?? "")
      rest = Array(lines.dropFirst())
    }
    var text = first.joined(separator: "\t") + "\n"
    for line in rest {
      var extra = Array(repeating: "", count: row.count)
      if !extra.isEmpty { extra[extra.count - 1] = line }
      text += extra.joined(separator: "\t") + "\n"
    }
    return PHPText.trim(text)
  }

  private static func boxedRow(_ row: [String], widths: [Int]) -> String {
    var cells = row
    var extraLines = Array(repeating: [String](), count: row.count)
    for (column, value) in row.enumerated() {
      let width = column < widths.count ? widths[column] : 0
      guard width > 0, DisplayWidth.of(value) > width || value.containsBytes("\n") else { continue }
      var wrapped: [String] = []
      // php-cli-tools keeps only the pieces that take up columns: an empty line of the value
      // (a leading newline, a blank line between two) adds no table line.
      for line in splitLines(value) { wrapped += wrap(line, width: width).filter { DisplayWidth.of($0) > 0 } }
      cells[column] = wrapped.first ?? ""
      extraLines[column] = Array(wrapped.dropFirst())
    }
    var text = joinCells(cells, widths: widths)
    let extraCount = extraLines.map(\.count).max() ?? 0
    for index in 0..<extraCount {
      text += "\n" + joinCells(extraLines.map { index < $0.count ? $0[index] : "" }, widths: widths)
    }
    return text
  }

  private static func joinCells(_ cells: [String], widths: [Int]) -> String {
    var text = "|"
    for (column, cell) in cells.enumerated() {
      let content = cell.replacingAll("\t", with: "    ")
      let width = column < widths.count ? widths[column] : 0
      let padding = max(0, width - DisplayWidth.of(content))
      text += " " + content + String(repeating: " ", count: padding) + " |"
    }
    return text
  }

  /// Cuts a line into pieces no wider than `width` columns, at character boundaries.
  package static func wrap(_ line: String, width: Int) -> [String] {
    guard DisplayWidth.of(line) > width else { return [line] }
    var pieces: [String] = []
    var current = ""
    var currentWidth = 0
    for character in line {
      let characterWidth = DisplayWidth.of(String(character))
      if currentWidth + characterWidth > width, !current.isEmpty {
        pieces.append(current)
        current = ""
        currentWidth = 0
      }
      current.append(character)
      currentWidth += characterWidth
    }
    if !current.isEmpty { pieces.append(current) }
    return pieces
  }

  /// `preg_split('/\r\n|\n/', $value)`.
  package static func splitLines(_ value: String) -> [String] {
    value.replacingAll("\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
  }

  /// php-cli-tools' fit to the terminal: when the columns and their borders are wider than the
  /// terminal, every column wider than the average share is cut to that share plus an equal part of
  /// what the narrow columns leave over; the last such column takes the remainder.
  package static func constrained(_ widths: [Int], terminalColumns: Int) -> [Int] {
    let count = widths.count
    guard count > 0 else { return widths }
    let available = terminalColumns - (count - 1) - 2 - count * 2
    guard available > 0, widths.reduce(0, +) > available else { return widths }
    let average = available / count
    var wide = widths.filter { $0 > average }
    let spare = widths.filter { $0 <= average }.reduce(0) { $0 + (average - $1) }
    guard !wide.isEmpty, spare > 0 else { return widths }
    let share = spare / wide.count
    var result = widths
    for index in result.indices where wide.contains(result[index]) {
      result[index] = average + share
      wide.removeFirst()
      if wide.isEmpty {
        result[index] = 0
        result[index] = available - result.reduce(0, +)
      }
    }
    return result
  }
}
