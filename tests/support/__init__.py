"""What tests share that is not a factory: paths of the real inputs, report assertions and
strategies, layouts, browser steps, axe, the artefacts folder. Test files import from here and from
`factories`, never from each other."""
