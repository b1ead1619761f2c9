<?php
// The differential tests' oracle: includes a wp-config.php in the context WP-CLI reads it in (from
// a function, so that its top-level variables are that function's; ABSPATH defined beforehand as
// the WordPress root; $_SERVER as WP-CLI's --url sets it, no HTTP_HOST without it) and prints, as JSON, the constants and
// variables it defined, every value tagged with its PHP type (floats as %.17g, strings as hex) so
// nothing is lost on the way to Swift.

function closte_oracle_tag($value) {
    if (is_null($value)) return ['null'];
    if (is_bool($value)) return ['bool', $value];
    if (is_int($value)) return ['int', $value];
    if (is_float($value)) {
        if (is_nan($value)) return ['float', 'NAN'];
        if (is_infinite($value)) return ['float', $value > 0 ? 'INF' : '-INF'];
        return ['float', sprintf('%.17g', $value)];
    }
    if (is_string($value)) return ['string', bin2hex($value)];
    if (is_array($value)) {
        $entries = [];
        foreach ($value as $key => $element) {
            $entries[] = [is_int($key) ? ['int', $key] : ['string', bin2hex($key)], closte_oracle_tag($element)];
        }
        return ['array', $entries];
    }
    return ['other', gettype($value)];
}

function closte_oracle_run($closte_oracle_file) {
    ob_start();
    include $closte_oracle_file;
    ob_end_clean();
    $variables = get_defined_vars();
    unset($variables['closte_oracle_file']);
    return $variables;
}

// WP-CLI's set_url_params(), for --url (argv[3]).
function closte_oracle_set_url($url) {
    if (!parse_url($url, PHP_URL_SCHEME)) $url = 'http://' . $url;
    $parts = parse_url($url);
    if (isset($parts['host'])) {
        if (isset($parts['scheme']) && strtolower($parts['scheme']) === 'https') $_SERVER['HTTPS'] = 'on';
        $_SERVER['HTTP_HOST'] = $parts['host'] . (isset($parts['port']) ? ':' . $parts['port'] : '');
        $_SERVER['SERVER_NAME'] = $parts['host'];
    }
    $_SERVER['REQUEST_URI'] = ($parts['path'] ?? '') . (isset($parts['query']) ? '?' . $parts['query'] : '');
    $_SERVER['SERVER_PORT'] = $parts['port'] ?? '80';
    $_SERVER['QUERY_STRING'] = $parts['query'] ?? '';
}

define('ABSPATH', $argv[2]);
if (isset($argv[3])) closte_oracle_set_url($argv[3]);
$variables = closte_oracle_run($argv[1]);
$constants = get_defined_constants(true)['user'] ?? [];
// ABSPATH is WP-CLI's, not the file's.
unset($constants['ABSPATH']);
$out = ['constants' => [], 'variables' => []];
foreach ($constants as $name => $value) $out['constants'][] = [$name, closte_oracle_tag($value)];
foreach ($variables as $name => $value) $out['variables'][] = [$name, closte_oracle_tag($value)];
echo json_encode($out), "\n";
