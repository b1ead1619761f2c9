import Testing

@testable import PHPReader
@testable import Values
@testable import WPConfig

/// Expression → value, with PHP 8's semantics; and expression → the reason it is not resolved.
@Suite struct PHPEvaluatorTests {
  static func evaluate(_ expression: String, environment: [String: String] = [:]) throws -> ConfigItem? {
    let source = "<?php\ndefine('BEFORE', 'b');\n$var = 'v';\ndefine('X', \(expression));\n"
    let config = try WPConfigReader.read(
      source: Array(source.utf8), path: "/nonexistent/closte/wp-config.php", environment: environment)
    return config.constant("X")
  }

  @Test(arguments: [
    ("42", PHPValue.int(42)), ("-42", .int(-42)), ("0x1f", .int(31)), ("0755", .int(493)), ("0o17", .int(15)),
    ("0b11", .int(3)), ("1_000", .int(1000)), ("1.5", .float(1.5)), ("1e3", .float(1000)),
    ("9223372036854775807 + 1", .float(9_223_372_036_854_775_808)),
    ("-9223372036854775807 - 2", .float(-9.223_372_036_854_775_808e18)),
    ("PHP_INT_MAX * 2", .float(18_446_744_073_709_551_614)), ("7 / 2", .float(3.5)), ("8 / 2", .int(4)),
    ("-7 % 3", .int(-1)), ("2 ** 3 ** 2", .int(512)), ("-2 ** 2", .int(-4)), ("2 ** -2", .float(0.25)),
    ("2 ** 63", .float(9_223_372_036_854_775_808)), ("60 * 60 * 24", .int(86400)),
    ("E_ALL & ~E_NOTICE & ~E_STRICT", .int(30711)), ("1 << 3 | 1", .int(9)), ("-8 >> 1", .int(-4)),
    ("1 << 64", .int(0)),
    ("'a' . 'b' . 1", .string("ab1")), ("'n' . 1 + 2", .string("n3")), ("0.1 + 0.2 . ''", .string("0.3")),
    ("1e100 . ''", .string("1.0E+100")), ("-1.5e-7 . ''", .string("-1.5E-7")), ("0.00001 . ''", .string("1.0E-5")),
    ("0.0001 . ''", .string("0.0001")), ("123456789012345.0 . ''", .string("1.2345678901234E+14")),
    ("1/3 . ''", .string("0.33333333333333")), ("true . ''", .string("1")), ("null . 'x'", .string("x")),
    ("'10' + 5", .int(15)), ("'1.5' + 1", .float(2.5)), ("' 7 ' * 1", .int(7)), ("'5' . 5", .string("55")),
    ("true", .bool(true)), ("FALSE", .bool(false)), ("Null", .null), ("!0", .bool(true)), ("!'0'", .bool(true)),
    ("!'0.0'", .bool(false)), ("!array()", .bool(true)), ("1 && 0", .bool(false)), ("0 || 'a'", .bool(true)),
    ("(1 and 0)", .bool(false)), ("(0 or 2)", .bool(true)), ("(1 xor 1)", .bool(false)), ("null ?? 3", .int(3)),
    ("0 ?: 4", .int(4)), ("5 ?: 4", .int(5)), ("1 ? 'y' : 'n'", .string("y")), ("0 ? 'y' : 'n'", .string("n")),
    ("1 == '1'", .bool(true)), ("1 === '1'", .bool(false)), ("'abc' == 0", .bool(false)), ("null == 0", .bool(true)),
    ("'1e3' == '1000'", .bool(true)), ("'abc' < 'abd'", .bool(true)), ("2 <=> 1", .int(1)),
    ("[1, 2] == [1, 2]", .bool(true)),
    ("(int) '12abc'", .int(12)), ("(int) 3.9", .int(3)), ("(int) -3.9", .int(-3)), ("(float) '2.5x'", .float(2.5)),
    ("(string) 1.0", .string("1")), ("(bool) '0'", .bool(false)), ("(bool) 0.0", .bool(false)),
    ("(integer) true", .int(1)),
    ("BEFORE . '!'", .string("b!")), ("$var", .string("v")), ("\"$var-$var\"", .string("v-v")),
    ("\"{$var}\"", .string("v")),
    ("PHP_EOL", .string("\n")), ("DIRECTORY_SEPARATOR", .string("/")), ("E_ALL", .int(32767)),
    ("PHP_INT_SIZE", .int(8)),
    ("__DIR__", .string("/nonexistent/closte")), ("__FILE__", .string("/nonexistent/closte/wp-config.php")),
    ("__LINE__", .int(4)), ("dirname(__DIR__)", .string("/nonexistent")), ("dirname('/a/b/c', 2)", .string("/a")),
    ("dirname('a')", .string(".")), ("basename('/x/y.php', '.php')", .string("y")), ("defined('BEFORE')", .bool(true)),
    ("defined('NOPE')", .bool(false)), ("defined('E_ALL')", .bool(true)), ("constant('BEFORE')", .string("b")),
    ("strtoupper('abc')", .string("ABC")), ("intval('0x1A')", .int(0)), ("boolval('')", .bool(false)),
    ("isset($var)", .bool(true)), ("isset($nope)", .bool(false)), ("empty($nope)", .bool(true)),
    ("$nope ?? 'd'", .string("d")),
    ("['a' => 1]['a']", .int(1)), ("[1, 2][5] ?? 'none'", .string("none")), ("'abc'[1]", .string("b")),
    ("((((((1))))))", .int(1)), ("- - 1", .int(1)), ("+'-3'", .int(-3)), ("@\\define('INNER', 1)", .bool(true)),
  ])
  func evaluates(expression: String, expected: PHPValue) throws {
    let item = try PHPEvaluatorTests.evaluate(expression)
    #expect(item?.resolved == true, "\(expression): \(item?.reason ?? "no item")")
    if let value = item?.value {
      #expect(samePHPValue(value, expected), "\(expression) gave \(value)")
    }
  }

  @Test func evaluatesArrays() throws {
    let item = try PHPEvaluatorTests.evaluate(
      "[3 => 'a', 'b', '5' => 'c', '05' => 'd', 'k' => ['n' => null], 1.9 => 'e']")
    let expected = PHPArray(entries: [
      .init(key: .int(3), value: .string("a")), .init(key: .int(4), value: .string("b")),
      .init(key: .int(5), value: .string("c")), .init(key: .string("05"), value: .string("d")),
      .init(key: .string("k"), value: .array(PHPArray(entries: [.init(key: .string("n"), value: .null)]))),
      .init(key: .int(1), value: .string("e")),
    ])
    #expect(item?.value == .array(expected))
  }

  @Test(arguments: [
    ("getenv('HOST')", PHPValue.string("h.example")), ("getenv('NOPE')", .bool(false)),
    ("$_ENV['HOST']", .null),
    ("$_ENV['NOPE'] ?? 'd'", .string("d")), ("$_SERVER['HOST']", .string("h.example")),
    ("getenv('NOPE') ?: 'x'", .string("x")),
    ("filter_var(getenv('FLAG'), FILTER_VALIDATE_BOOLEAN)", .bool(true)),
  ])
  func readsTheEnvironment(expression: String, expected: PHPValue) throws {
    let item = try PHPEvaluatorTests.evaluate(expression, environment: ["HOST": "h.example", "FLAG": "on"])
    #expect(item?.value == expected, "\(expression): \(item?.reason ?? "")")
  }

  @Test(arguments: [
    ("foo()", "calls the function foo()"), ("\\My\\fn(1)", "calls the function \\My\\fn()"),
    ("UNDEFINED_THING", "uses the undefined constant UNDEFINED_THING"), ("$nope", "uses the undefined variable $nope"),
    ("1 / 0", "divides by zero"), ("1 % 0", "takes a modulo by zero"),
    ("'abc' * 2", "uses the non-numeric string 'abc' as a number"),
    ("[] + 1", "uses an array as a number"),
    ("$_SERVER['SCRIPT_FILENAME']", "reads $_SERVER['SCRIPT_FILENAME'], which depends on how WP-CLI was started"),
    ("new Foo()", "creates an object"),
    ("Foo::BAR", "reads an object or class member"), ("function () {}", "defines a closure"),
    ("`ls`", "runs a shell command"),
    ("PHP_VERSION", "uses PHP_VERSION, which depends on the PHP that runs it"),
    ("$wpdb->prefix", "reads an object or class member"),
    ("'a' . foo() . 'b'", "calls the function foo()"), ("\"{$a->b}\"", "interpolates {$a->b} in a string"),
    ("(object) []", "casts to an object"), ("1 << -1", "shifts by a negative number"),
  ])
  func leavesUnresolved(expression: String, reason: String) throws {
    let item = try PHPEvaluatorTests.evaluate(expression)
    #expect(item?.resolved == false)
    #expect(item?.value == nil)
    #expect(item?.reason == reason)
  }

  /// Short-circuits: what is not evaluated cannot make the result unresolved.
  @Test(arguments: [
    ("true || foo()", PHPValue.bool(true)), ("false && foo()", .bool(false)), ("1 ? 2 : foo()", .int(2)),
    ("'x' ?: foo()", .string("x")), ("'set' ?? foo()", .string("set")), ("foo() || true", .bool(true)),
  ])
  func shortCircuits(expression: String, expected: PHPValue) throws {
    #expect(try PHPEvaluatorTests.evaluate(expression)?.value == expected)
  }

  @Test(arguments: [
    (Int.max, "9223372036854775807"), (-5, "-5"),
  ])
  func convertsIntegersToStrings(number: Int, text: String) {
    #expect(PHPValue.int(number).phpString == text)
  }

  @Test(arguments: [
    (1.0, "1"), (-0.0, "-0"), (0.1, "0.1"), (1e15, "1.0E+15"), (1e14, "1.0E+14"),
    (99_999_999_999_999.0, "99999999999999"),
    (1.5e-5, "1.5E-5"), (Double.infinity, "INF"), (-Double.infinity, "-INF"), (Double.nan, "NAN"),
    (3.141_592_653_589_793, "3.1415926535898"),
  ])
  func convertsFloatsToStrings(number: Double, text: String) {
    #expect(PHPValue.floatString(number, precision: 14) == text)
  }
}
