<?php
namespace Closte\Fixture;

const NS_CONST = 'namespaced';
define('GLOBAL_FROM_NAMESPACE', NS_CONST . '!');
define('Closte\Fixture\BY_DEFINE', 2);
define('USES_GLOBAL_FALLBACK', \PHP_INT_SIZE + PHP_INT_SIZE);
