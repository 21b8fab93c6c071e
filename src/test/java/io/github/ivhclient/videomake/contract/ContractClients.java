package io.github.ivhclient.videomake.contract;

import io.github.ivhclient.videomake.api.AssetsApi;
import io.github.ivhclient.videomake.api.VideoMakerApi;
import io.github.ivhclient.videomake.internal.JsonSupport;
import io.github.ivhclient.videomake.internal.RequestSigner;
import java.time.Clock;
import java.time.Duration;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The generated Retrofit interfaces wired as the facade wires them (Moshi from {@link JsonSupport},
 * {@link RequestSigner} as an interceptor, since Prism checks the apiKey query parameters), plus an
 * optional {@code Prefer} header that picks Prism's answer.
 */
final class ContractClients {
  static final String APP_KEY = "contract_appkey";
  static final String ACCESS_TOKEN = "contract_accesstoken";

  private static final OkHttpClient BASE = new OkHttpClient.Builder()
      .callTimeout(Duration.ofSeconds(30))
      .build();

  private ContractClients() {}

  /** Signed, with no {@code Prefer} header: Prism answers with the first example. */
  static OkHttpClient http() {
    return BASE.newBuilder().addInterceptor(new RequestSigner(APP_KEY, ACCESS_TOKEN, Clock.systemUTC())).build();
  }

  /** Signed, with {@code Prefer: <prefer>}, e.g. {@code example=queued} or {@code dynamic=true, seed=7}. */
  static OkHttpClient http(String prefer) {
    return http().newBuilder()
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder().header("Prefer", prefer).build()))
        .build();
  }

  static Retrofit retrofit(PrismServer prism, OkHttpClient http) {
    return new Retrofit.Builder()
        .baseUrl(prism.baseUrl() + "/")
        .client(http)
        .addConverterFactory(MoshiConverterFactory.create(JsonSupport.moshi()))
        .build();
  }

  static VideoMakerApi videoMaker(PrismServer prism, OkHttpClient http) {
    return retrofit(prism, http).create(VideoMakerApi.class);
  }

  static AssetsApi assets(PrismServer prism, OkHttpClient http) {
    return retrofit(prism, http).create(AssetsApi.class);
  }
}
