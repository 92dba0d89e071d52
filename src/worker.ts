export default {
  async fetch(): Promise<Response> {
    return new Response("gateway", { status: 200 });
  },
} satisfies ExportedHandler;
