// Placeholder: the CLI bundle build lands with the CLI.
