<?php
// Stands in for WordPress: the reader never follows it; PHP includes this empty stub.
