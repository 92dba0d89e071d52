export default {
  async fetch(): Promise<Response> {
    return Response.json({ code: "ResourceNotFoundError", message: "Not found" }, { status: 404 });
  },
} satisfies ExportedHandler;
