using KokkaBot;

var builder = WebApplication.CreateBuilder(args);
builder.AddKokkaBot();

var app = builder.Build();
app.MapKokkaBot();
app.Run();
