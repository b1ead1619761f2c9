<?php
$list = array('a', 'b', 'c');
$short = ['x', 'y'];
$map = ['one' => 1, 'two' => 2, 'nested' => ['deep' => [true, null]]];
$mixed = [5 => 'five', 'six', '8' => 'eight', '08' => 'zero-eight', -3 => 'minus', 'next'];
$keys = [true => 'bool', null => 'null', 1.7 => 'float', '' => 'empty'];
$overwrite = ['k' => 1, 'k' => 2];
$trailing = [1, 2, 3, ];
$empty = [];
$union = ['a' => 1] + ['a' => 2, 'b' => 3];
$spread = [...[1, 2], ...['k' => 'v']];
define('ARRAY_CONST', ['host' => 'db', 'port' => 3306]);
define('ARRAY_LOOKUP', ARRAY_CONST['port']);
$lookup = $map['nested']['deep'][0];
$built = [];
$built['first'] = 1;
$built[] = 'appended';
$built['nested']['inner'] = 'x';
$built[10] = 'ten';
$built[] = 'eleven';
$redis_servers = array(
	array( 'host' => '127.0.0.1', 'port' => 6379, ),
	array( 'host' => '127.0.0.2', 'port' => 6380, 'weight' => 1.5 ),
);
define('ARRAY_LEN_KEYS', ['a' => ['b' => ['c' => 'd']]]);
