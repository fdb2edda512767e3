global using System.Text.Json;
global using Microsoft.Extensions.Logging;
