using OutputControl.Cli;

return CheckCommand.Run(args, Console.In, Console.Out, Console.Error);
