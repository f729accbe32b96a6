from provkg.cli import main

main()
