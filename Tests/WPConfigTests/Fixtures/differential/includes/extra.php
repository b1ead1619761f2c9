<?php
define('EXTRA_CONSTANT', 'from extra');
$extra_variable = basename(__FILE__);
define('EXTRA_DIR', __DIR__);
