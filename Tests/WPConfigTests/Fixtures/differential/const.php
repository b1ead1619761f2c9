<?php
const FIRST = 1, SECOND = FIRST + 1;
const GREETING = 'hi';
const LIST_CONST = ['a', 'b'];
const EXPR = GREETING . ' there ' . SECOND;
define('FROM_CONST', EXPR);
