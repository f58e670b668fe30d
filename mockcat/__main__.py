from mockcat.cli import main

main()
