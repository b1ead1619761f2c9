<?php
// The differential tests' oracle: includes a wp-config.php as WordPress does (from a function, so
// that its top-level variables are that function's) and prints, as JSON, the constants and
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

$variables = closte_oracle_run($argv[1]);
$constants = get_defined_constants(true)['user'] ?? [];
$out = ['constants' => [], 'variables' => []];
foreach ($constants as $name => $value) $out['constants'][] = [$name, closte_oracle_tag($value)];
foreach ($variables as $name => $value) $out['variables'][] = [$name, closte_oracle_tag($value)];
echo json_encode($out), "\n";
