<?php
$from_include = 2;
$shared = 'include';
$include_second = 'x';
