using KokkaBot;

var builder = WebApplication.CreateBuilder(args);
builder.AddKokkaBot();

var app = builder.Build();
if (KokkaCommands.IsCommand(args))
    return await KokkaCommands.RunAsync(app, args);

app.MapKokkaBot();
await app.RunAsync();
return 0;
